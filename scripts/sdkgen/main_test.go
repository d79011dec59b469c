package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func TestLanguageDefaultsLeaveTheSchemasOwnSettings(t *testing.T) {
	spec := schema.PackageSpec{Language: map[string]schema.RawMessage{
		"nodejs": schema.RawMessage(`{"packageName":"@someone/asm"}`),
	}}
	if err := applyLanguageDefaults(&spec); err != nil {
		t.Fatal(err)
	}
	var nodejs map[string]any
	if err := json.Unmarshal(spec.Language["nodejs"], &nodejs); err != nil {
		t.Fatal(err)
	}
	if nodejs["packageName"] != "@someone/asm" || nodejs["respectSchemaVersion"] != true {
		t.Fatalf("nodejs settings: %v", nodejs)
	}
	var python map[string]any
	if err := json.Unmarshal(spec.Language["python"], &python); err != nil {
		t.Fatal(err)
	}
	if python["respectSchemaVersion"] != true || python["packageName"] != nil {
		t.Fatalf("python settings: %v", python)
	}
}

func TestGoConfigEnumsBecomeStringsAndOtherRefsStay(t *testing.T) {
	spec := schema.PackageSpec{
		Types: map[string]schema.ComplexTypeSpec{
			"asm:index:Protocol": {
				ObjectTypeSpec: schema.ObjectTypeSpec{Type: "string"},
				Enum:           []schema.EnumValueSpec{{Value: "HTTP"}, {Value: "HTTPS"}},
			},
			"asm:index:Limits": {ObjectTypeSpec: schema.ObjectTypeSpec{Type: "object"}},
		},
		Config: schema.ConfigSpec{Variables: map[string]schema.PropertySpec{
			"protocol": {TypeSpec: schema.TypeSpec{Ref: "#/types/asm:index:Protocol"}, Default: "HTTPS", Description: "d"},
			"limits":   {TypeSpec: schema.TypeSpec{Ref: "#/types/asm:index:Limits"}},
			"region":   {TypeSpec: schema.TypeSpec{Type: "string"}},
		}},
	}
	goConfigEnumsAsStrings(&spec)
	vars := spec.Config.Variables
	if p := vars["protocol"]; p.Type != "string" || p.Ref != "" || p.Default != "HTTPS" || p.Description != "d" {
		t.Fatalf("protocol: %+v", p)
	}
	if l := vars["limits"]; l.Ref != "#/types/asm:index:Limits" {
		t.Fatalf("limits: %+v", l)
	}
	if r := vars["region"]; r.Type != "string" || r.Ref != "" {
		t.Fatalf("region: %+v", r)
	}
}

func TestOverlaysAreReadByTheirPathInsideTheFolderAndAMissingFolderHasNone(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"a.ts": "a", filepath.Join("sub", "b.ts"): "b"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := readOverlays(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || string(files["a.ts"]) != "a" || string(files["sub/b.ts"]) != "b" {
		t.Fatalf("overlays: %v", files)
	}
	none, err := readOverlays(filepath.Join(dir, "python"))
	if err != nil || len(none) != 0 {
		t.Fatalf("missing folder: %v, %v", none, err)
	}
}

func TestTheNodeSdkLoadsTheRepositorysOverlayFromItsIndex(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	overlays, err := readOverlays(filepath.Join("..", "..", "provider", "sdkOverlays", "nodejs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := overlays["debugLogRedaction.ts"]; !ok {
		t.Fatalf("provider/sdkOverlays/nodejs has no debugLogRedaction.ts: %v", overlays)
	}
	files, err := generate(raw, "nodejs", overlays)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["index.ts"]), `export * from "./debugLogRedaction";`) {
		t.Fatalf("index.ts does not load the overlay:\n%s", files["index.ts"])
	}
	if !strings.Contains(string(files["tsconfig.json"]), `"debugLogRedaction.ts"`) {
		t.Fatalf("tsconfig.json does not compile the overlay:\n%s", files["tsconfig.json"])
	}
}
