package main

import (
	"fmt"
	"sort"
	"strings"

	"google.golang.org/protobuf/types/known/structpb"
)

// runtimeOptions are the `runtime.options` of Pulumi.yaml that this host understands. Other keys are
// ignored, as the upstream host ignores options meant for other tools.
type runtimeOptions struct {
	typescript     bool
	nodeArgs       []string
	tsconfig       string
	packageManager string
}

var packageManagers = map[string]bool{"npm": true, "yarn": true, "pnpm": true, "bun": true}

func parseRuntimeOptions(opts *structpb.Struct) (runtimeOptions, error) {
	parsed := runtimeOptions{typescript: true}
	fields := opts.GetFields()
	var err error
	if v, ok := fields["typescript"]; ok {
		if parsed.typescript, err = boolOption("typescript", v); err != nil {
			return parsed, err
		}
	}
	if v, ok := fields["nodeargs"]; ok {
		args, err := stringOption("nodeargs", v)
		if err != nil {
			return parsed, err
		}
		parsed.nodeArgs = strings.Fields(args)
	}
	if v, ok := fields["tsconfig"]; ok {
		if parsed.tsconfig, err = stringOption("tsconfig", v); err != nil {
			return parsed, err
		}
	}
	if v, ok := fields["packagemanager"]; ok {
		if parsed.packageManager, err = packageManagerOption(v); err != nil {
			return parsed, err
		}
	}
	return parsed, nil
}

func boolOption(name string, v *structpb.Value) (bool, error) {
	if b, ok := v.GetKind().(*structpb.Value_BoolValue); ok {
		return b.BoolValue, nil
	}
	// YAML users sometimes quote booleans; accept the two unambiguous spellings.
	if s, ok := v.GetKind().(*structpb.Value_StringValue); ok && (s.StringValue == "true" || s.StringValue == "false") {
		return s.StringValue == "true", nil
	}
	return false, fmt.Errorf("Pulumi.yaml runtime option %q must be a boolean (true or false), got %s",
		name, describeValue(v))
}

func stringOption(name string, v *structpb.Value) (string, error) {
	if s, ok := v.GetKind().(*structpb.Value_StringValue); ok {
		return s.StringValue, nil
	}
	return "", fmt.Errorf("Pulumi.yaml runtime option %q must be a string, got %s", name, describeValue(v))
}

func packageManagerOption(v *structpb.Value) (string, error) {
	s, err := stringOption("packagemanager", v)
	if err != nil {
		return "", err
	}
	if !packageManagers[s] {
		return "", fmt.Errorf("Pulumi.yaml runtime option \"packagemanager\" must be one of %s, got %q",
			strings.Join(sortedKeys(packageManagers), ", "), s)
	}
	return s, nil
}

func describeValue(v *structpb.Value) string {
	switch k := v.GetKind().(type) {
	case *structpb.Value_StringValue:
		return fmt.Sprintf("the string %q", k.StringValue)
	case *structpb.Value_NumberValue:
		return fmt.Sprintf("the number %v", k.NumberValue)
	case *structpb.Value_BoolValue:
		return fmt.Sprintf("the boolean %v", k.BoolValue)
	case *structpb.Value_ListValue:
		return "a list"
	case *structpb.Value_StructValue:
		return "a map"
	default:
		return "null"
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
