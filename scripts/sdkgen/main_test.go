package main

import (
	"encoding/json"
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
	if python["packageName"] != "pulumi_asm" {
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
