package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	codegen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/pkg/v3/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// GenerateProgram turns a PCL program into TypeScript. `pulumi import` calls it with the declarations of
// what it imported, and prints the result (or writes it to --out). The package schemas the program's
// resources refer to come from the engine's schema loader at req.LoaderTarget, which asks each
// resource plugin for its schema.
func (h *nodeHost) GenerateProgram(
	ctx context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	if req.GetLoaderTarget() == "" {
		return nil, errors.New("GenerateProgram needs the engine's schema loader address (loader_target)")
	}
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, fmt.Errorf("could not connect to the schema loader at %q: %w", req.GetLoaderTarget(), err)
	}
	defer loader.Close()
	return generateTypeScript(ctx, req.GetSource(), schema.NewCachedLoader(loader), req.GetStrict())
}

// generateTypeScript parses and binds the PCL files, then generates the program. Parse and bind problems
// are returned as diagnostics in the response, as the engine expects, not as a failed call: the CLI shows
// them against the PCL source it sent.
func generateTypeScript(
	ctx context.Context, source map[string]string, loader schema.ReferenceLoader, strict bool,
) (*pulumirpc.GenerateProgramResponse, error) {
	parser := syntax.NewParser()
	// In name order, so diagnostics and declaration order do not depend on map iteration.
	names := make([]string, 0, len(source))
	for name := range source {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := parser.ParseFile(strings.NewReader(source[name]), name); err != nil {
			return nil, fmt.Errorf("could not read PCL file %s: %w", name, err)
		}
	}
	if parser.Diagnostics.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(parser.Diagnostics)}, nil
	}

	opts := []pcl.BindOption{pcl.PreferOutputVersionedInvokes}
	if !strict {
		// `pulumi import` binds leniently: the declarations may name a parent or provider the PCL does
		// not define.
		opts = append(opts, pcl.NonStrictBindOptions()...)
	}
	program, bindDiags, err := pcl.BindProgramWithContext(ctx, parser.Files, loader, opts...)
	diags := append(hcl.Diagnostics{}, parser.Diagnostics...)
	// The binder reports a program that does not bind as an error made of its diagnostics.
	var asDiags hcl.Diagnostics
	if errors.As(err, &asDiags) {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(append(diags, asDiags...))}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("could not bind the PCL program: %w", err)
	}
	diags = append(diags, bindDiags...)
	if diags.HasErrors() || program == nil {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}

	files, genDiags, err := codegen.GenerateProgram(program)
	if err != nil {
		return nil, fmt.Errorf("could not generate TypeScript from the PCL program: %w", err)
	}
	diags = append(diags, genDiags...)
	return &pulumirpc.GenerateProgramResponse{Source: files, Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}
