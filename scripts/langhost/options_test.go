package main

import (
	"reflect"
	"testing"

	"google.golang.org/protobuf/types/known/structpb"
)

func mustStruct(t *testing.T, m map[string]any) *structpb.Struct {
	t.Helper()
	s, err := structpb.NewStruct(m)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRuntimeOptionsDefaultToTypeScriptWithNothingElse(t *testing.T) {
	got, err := parseRuntimeOptions(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, runtimeOptions{typescript: true}) {
		t.Errorf("defaults = %+v", got)
	}
}

func TestRuntimeOptionsReadEveryKnownKey(t *testing.T) {
	got, err := parseRuntimeOptions(mustStruct(t, map[string]any{
		"typescript": false, "nodeargs": " --a  --b=1 ", "tsconfig": "tsconfig.x.json", "packagemanager": "pnpm",
		"someOtherTool": 42,
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := runtimeOptions{nodeArgs: []string{"--a", "--b=1"}, tsconfig: "tsconfig.x.json", packageManager: "pnpm"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options = %+v, want %+v", got, want)
	}
}

func TestRuntimeOptionsAcceptAQuotedBoolean(t *testing.T) {
	got, err := parseRuntimeOptions(mustStruct(t, map[string]any{"typescript": "false"}))
	if err != nil || got.typescript {
		t.Errorf("typescript \"false\" gave %+v, %v", got, err)
	}
}

func TestRuntimeOptionsNameTheFieldAndTheAllowedValuesOnError(t *testing.T) {
	cases := map[string]struct {
		opts map[string]any
		want string
	}{
		"typescript string": {map[string]any{"typescript": "yes"},
			`Pulumi.yaml runtime option "typescript" must be a boolean (true or false), got the string "yes"`},
		"nodeargs list": {map[string]any{"nodeargs": []any{"--a"}},
			`Pulumi.yaml runtime option "nodeargs" must be a string, got a list`},
		"tsconfig map": {map[string]any{"tsconfig": map[string]any{}},
			`Pulumi.yaml runtime option "tsconfig" must be a string, got a map`},
		"unknown manager": {map[string]any{"packagemanager": "npx"},
			`Pulumi.yaml runtime option "packagemanager" must be one of bun, npm, pnpm, yarn, got "npx"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parseRuntimeOptions(mustStruct(t, c.opts))
			if err == nil || err.Error() != c.want {
				t.Errorf("error = %v\nwant    %s", err, c.want)
			}
		})
	}
}
