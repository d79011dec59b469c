package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const pluginJS = `
console.log(JSON.stringify({argv: process.argv.slice(2), cwd: process.cwd(), ts: process.env.PULUMI_NODEJS_TYPESCRIPT, marker: process.env.PLUGIN_MARKER}));
console.error("plugin stderr");
process.exitCode = 7;
`

type pluginResult struct {
	stdout, stderr string
	exitCode       int32
	lastWasExit    bool
}

func runPlugin(t *testing.T, req *pulumirpc.RunPluginRequest) pluginResult {
	t.Helper()
	h, _, _ := quietHost("")
	stream, err := startHost(t, h).RunPlugin(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var res pluginResult
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil {
			t.Fatal(err)
		}
		res.stdout += string(msg.GetStdout())
		res.stderr += string(msg.GetStderr())
		_, res.lastWasExit = msg.GetOutput().(*pulumirpc.RunPluginResponse_Exitcode)
		res.exitCode = msg.GetExitcode()
	}
}

func TestRunPluginStreamsOutputThenTheExitCode(t *testing.T) {
	root := evalSymlinks(t, t.TempDir())
	fakePulumiScript(t, root, "cmd/run-plugin", pluginJS)
	pluginDir := filepath.Join(root, "plugin")
	writeFile(t, filepath.Join(pluginDir, "package.json"), `{}`, 0o644)
	res := runPlugin(t, &pulumirpc.RunPluginRequest{
		Pwd:  root,
		Args: []string{"--tracing", "file:///t", "127.0.0.1:9"},
		Env:  []string{"PATH=" + getenvPath(), "PLUGIN_MARKER=from-engine"},
		Info: &pulumirpc.ProgramInfo{RootDirectory: pluginDir, ProgramDirectory: pluginDir, EntryPoint: "."},
	})
	if !res.lastWasExit || res.exitCode != 7 {
		t.Fatalf("last message exit=%v code=%d, want exit code 7 last", res.lastWasExit, res.exitCode)
	}
	if !strings.Contains(res.stderr, "plugin stderr") {
		t.Errorf("stderr = %q", res.stderr)
	}
	wantArgv := []string{"--pwd=" + pluginDir, ".", "--", "--tracing", "file:///t", "127.0.0.1:9"}
	var got struct {
		Argv   []string `json:"argv"`
		Cwd    string   `json:"cwd"`
		Ts     string   `json:"ts"`
		Marker string   `json:"marker"`
	}
	decodeJSONLine(t, res.stdout, &got)
	if !reflect.DeepEqual(got.Argv, wantArgv) || got.Cwd != root || got.Ts != "true" || got.Marker != "from-engine" {
		t.Errorf("plugin saw %+v\nwant argv %q, cwd %q, typescript on and the engine's env", got, wantArgv, root)
	}
}

func TestRunPluginFailsClearlyWithoutThePulumiPackage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NODE_PATH", "")
	h, _, _ := quietHost("")
	stream, err := startHost(t, h).RunPlugin(context.Background(), &pulumirpc.RunPluginRequest{
		Pwd: dir, Info: &pulumirpc.ProgramInfo{ProgramDirectory: dir, EntryPoint: "."},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = stream.Recv()
	if err == nil || !strings.Contains(err.Error(), "cannot find module '@pulumi/pulumi/cmd/run-plugin'") {
		t.Errorf("error = %v", err)
	}
}
