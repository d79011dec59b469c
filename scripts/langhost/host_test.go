package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

func getenvPath() string { return os.Getenv("PATH") }

func decodeJSONLine(t *testing.T, text string, into any) {
	t.Helper()
	line, _, _ := strings.Cut(text, "\n")
	if err := json.Unmarshal([]byte(line), into); err != nil {
		t.Fatalf("output %q is not the expected JSON line: %v", text, err)
	}
}

func TestPluginInfoReportsTheSDKVersionFromGoMod(t *testing.T) {
	h, _, _ := quietHost("")
	info, err := startHost(t, h).GetPluginInfo(context.Background(), &emptypb.Empty{})
	if err != nil || info.GetVersion() != "3.274.1" {
		t.Errorf("GetPluginInfo = %v, %v; want version 3.274.1", info, err)
	}
}

func TestRequiredPackagesAndPluginsAreEmptySoTheEngineDownloadsNothing(t *testing.T) {
	client := startHost(t, newNodeHost("", ""))
	info := &pulumirpc.ProgramInfo{ProgramDirectory: t.TempDir(), EntryPoint: "."}
	pkgs, err := client.GetRequiredPackages(context.Background(), &pulumirpc.GetRequiredPackagesRequest{Info: info})
	if err != nil || len(pkgs.GetPackages()) != 0 || len(pkgs.GetSpecs()) != 0 {
		t.Errorf("GetRequiredPackages = %v, %v", pkgs, err)
	}
	plugins, err := client.GetRequiredPlugins(context.Background(), &pulumirpc.GetRequiredPluginsRequest{Info: info})
	if err != nil || len(plugins.GetPlugins()) != 0 {
		t.Errorf("GetRequiredPlugins = %v, %v", plugins, err)
	}
}

func TestHandshakeSuppliesTheEngineAddressForLaterRuns(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	h, _, _ := quietHost("")
	client := startHost(t, h)
	if _, err := client.Handshake(context.Background(), &pulumirpc.LanguageHandshakeRequest{EngineAddress: "127.0.0.1:4444"}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Run(context.Background(), f.request(nil)); err != nil {
		t.Fatal(err)
	}
	if argv := strings.Join(readRecord(t, f.record).Argv, " "); !strings.Contains(argv, "--engine=127.0.0.1:4444") {
		t.Errorf("argv %q lacks the handshake's engine address", argv)
	}
}

func TestProgramDependenciesPreferInstalledVersionsOverDeclaredRanges(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "package.json"),
		`{"dependencies":{"@pulumi/pulumi":"^3.0.0","yaml":"^2.0.0"},"devDependencies":{"typescript":"^5.0.0"}}`, 0o644)
	writeFile(t, filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), `{"version":"3.270.0"}`, 0o644)
	resp, err := startHost(t, newNodeHost("", "")).GetProgramDependencies(context.Background(),
		&pulumirpc.GetProgramDependenciesRequest{Info: &pulumirpc.ProgramInfo{ProgramDirectory: dir, RootDirectory: dir}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range resp.GetDependencies() {
		got = append(got, d.GetName()+"@"+d.GetVersion())
	}
	want := "@pulumi/pulumi@3.270.0 typescript@^5.0.0 yaml@^2.0.0"
	if strings.Join(got, " ") != want {
		t.Errorf("dependencies = %q, want %q", got, want)
	}
}

func TestAboutReportsTheNodeExecutableAndItsVersion(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH")
	}
	out, err := exec.Command(node, "-p", "process.versions.node").Output()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := startHost(t, newNodeHost("", "")).About(context.Background(), &pulumirpc.AboutRequest{})
	if err != nil || resp.GetExecutable() != node || resp.GetVersion() != strings.TrimSpace(string(out)) {
		t.Errorf("About = %v, %v; want %s version %s", resp, err, node, out)
	}
}

func TestHostFlagsTakeTheEngineAddressAndTheEngineFlags(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	f, err := parseHostFlags(fs, []string{"--tracing", "file:///tmp/t.trace", "-root", "/proj", "127.0.0.1:5555"})
	if err != nil || f.engineAddress != "127.0.0.1:5555" || f.tracing != "file:///tmp/t.trace" || f.root != "/proj" {
		t.Errorf("flags = %+v, %v", f, err)
	}
}

func TestHostFlagsRejectExtraPositionalArguments(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	_, err := parseHostFlags(fs, []string{"127.0.0.1:1", "stray"})
	want := `expected at most one positional argument (the engine address), got 2: ["127.0.0.1:1" "stray"]`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}
