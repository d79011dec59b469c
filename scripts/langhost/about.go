package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// About reports the node executable and its version for `pulumi about`.
func (h *nodeHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := lookNode()
	if err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("could not read the Node.js version from `%s --version`: %w", node, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: node,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

type packageManifest struct {
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
}

// GetProgramDependencies lists the direct dependencies in package.json, with the installed version when
// node_modules has the package and the declared range otherwise. Transitive dependencies are not listed.
func (h *nodeHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd() //nolint:staticcheck // older engines send only the deprecated field
	}
	pkgDir, err := findPackageDir(programDir, req.GetInfo().GetRootDirectory())
	if err != nil {
		return nil, err
	}
	var manifest packageManifest
	if err := readJSON(filepath.Join(pkgDir, "package.json"), &manifest); err != nil {
		return nil, err
	}
	declared := map[string]string{}
	for name, version := range manifest.DevDependencies {
		declared[name] = version
	}
	for name, version := range manifest.Dependencies {
		declared[name] = version
	}
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	deps := make([]*pulumirpc.DependencyInfo, 0, len(names))
	for _, name := range names {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: installedVersion(pkgDir, name, declared[name])})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func installedVersion(pkgDir, name, declared string) string {
	var installed struct {
		Version string `json:"version"`
	}
	path := filepath.Join(pkgDir, "node_modules", filepath.FromSlash(name), "package.json")
	if err := readJSON(path, &installed); err != nil || installed.Version == "" {
		return declared
	}
	return installed.Version
}

func readJSON(path string, into any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("could not read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s is not valid JSON: %w", path, err)
	}
	return nil
}
