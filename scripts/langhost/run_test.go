package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// runFixture is a project directory below a node_modules holding a fake @pulumi/pulumi/cmd/run.
type runFixture struct {
	root, programDir, record string
}

func newRunFixture(t *testing.T, js string) runFixture {
	t.Helper()
	root := evalSymlinks(t, t.TempDir())
	fakePulumiScript(t, root, "cmd/run", js)
	programDir := filepath.Join(root, "proj")
	writeFile(t, filepath.Join(programDir, "package.json"), `{"name":"p"}`, 0o644)
	record := filepath.Join(root, "record.json")
	t.Setenv("FAKE_RECORD", record)
	return runFixture{root: root, programDir: programDir, record: record}
}

func (f runFixture) request(opts map[string]any) *pulumirpc.RunRequest {
	options, err := structpb.NewStruct(opts)
	if err != nil {
		panic(err)
	}
	return &pulumirpc.RunRequest{
		Project: "proj", Stack: "dev", Pwd: f.programDir, Organization: "org",
		MonitorAddress: "127.0.0.1:1111", Parallel: 16, DryRun: true,
		Args:             []string{"extra1", "--extra2"},
		Config:           map[string]string{"proj:greeting": "hello", "proj:token": "s3cret"},
		ConfigSecretKeys: []string{"proj:token"},
		Info: &pulumirpc.ProgramInfo{
			RootDirectory: f.programDir, ProgramDirectory: f.programDir, EntryPoint: "index.ts", Options: options,
		},
	}
}

func TestRunPassesFlagsBeforeTheEntryPointAndProgramArgsAfter(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	h, out, _ := quietHost("127.0.0.1:2222")
	resp, err := startHost(t, h).Run(context.Background(), f.request(nil))
	if err != nil || resp.GetError() != "" || resp.GetBail() {
		t.Fatalf("Run = %v, %v; want success", resp, err)
	}
	rec := readRecord(t, f.record)
	want := []string{
		"--monitor=127.0.0.1:1111", "--project=proj", "--stack=dev", "--pwd=" + f.programDir, "--parallel=16",
		"--engine=127.0.0.1:2222", "--organization=org", "--root-directory=" + f.programDir, "--dry-run",
		"index.ts", "extra1", "--extra2",
	}
	if !reflect.DeepEqual(rec.Argv, want) {
		t.Errorf("argv = %q\nwant   %q", rec.Argv, want)
	}
	if rec.Cwd != f.programDir {
		t.Errorf("cwd = %q, want the program directory %q", rec.Cwd, f.programDir)
	}
	if !strings.Contains(out.String(), "program stdout line") {
		t.Errorf("program stdout was not passed through, got %q", out.String())
	}
}

func TestRunHandsConfigAndSecretKeysToTheProgramAsJSON(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	h, _, _ := quietHost("")
	if _, err := startHost(t, h).Run(context.Background(), f.request(nil)); err != nil {
		t.Fatal(err)
	}
	env := readRecord(t, f.record).Env
	if env["PULUMI_CONFIG"] != `{"proj:greeting":"hello","proj:token":"s3cret"}` {
		t.Errorf("PULUMI_CONFIG = %q", env["PULUMI_CONFIG"])
	}
	if env["PULUMI_CONFIG_SECRET_KEYS"] != `["proj:token"]` {
		t.Errorf("PULUMI_CONFIG_SECRET_KEYS = %q", env["PULUMI_CONFIG_SECRET_KEYS"])
	}
	if env["PULUMI_NODEJS_TYPESCRIPT"] != "true" {
		t.Errorf("TypeScript must default to on, PULUMI_NODEJS_TYPESCRIPT = %q", env["PULUMI_NODEJS_TYPESCRIPT"])
	}
}

func TestRunAppliesRuntimeOptionsToNodeAndEnvironment(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	h, _, _ := quietHost("")
	req := f.request(map[string]any{"typescript": false, "nodeargs": "--trace-warnings  --no-deprecation", "tsconfig": "tsconfig.pulumi.json"})
	if _, err := startHost(t, h).Run(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	rec := readRecord(t, f.record)
	if !reflect.DeepEqual(rec.ExecArgv, []string{"--trace-warnings", "--no-deprecation"}) {
		t.Errorf("node execArgv = %q, want the nodeargs option split on spaces", rec.ExecArgv)
	}
	if rec.Env["PULUMI_NODEJS_TYPESCRIPT"] != "false" || rec.Env["PULUMI_NODEJS_TSCONFIG_PATH"] != "tsconfig.pulumi.json" {
		t.Errorf("typescript env = %v", rec.Env)
	}
}

func TestRunBailsWhenTheProgramAlreadyReportedItsError(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	t.Setenv("FAKE_EXIT", "32")
	h, _, _ := quietHost("")
	resp, err := startHost(t, h).Run(context.Background(), f.request(nil))
	if err != nil || !resp.GetBail() || resp.GetError() != "" {
		t.Fatalf("Run = %v, %v; want Bail without a second error message", resp, err)
	}
}

func TestRunReportsOtherExitCodesAsAnError(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	t.Setenv("FAKE_EXIT", "3")
	h, _, _ := quietHost("")
	resp, err := startHost(t, h).Run(context.Background(), f.request(nil))
	if err != nil || resp.GetBail() || resp.GetError() != "Program exited with non-zero exit code: 3" {
		t.Fatalf("Run = %v, %v", resp, err)
	}
}

func TestRunReportsAProgramKilledBySignal(t *testing.T) {
	f := newRunFixture(t, `process.kill(process.pid, "SIGKILL");`)
	h, _, _ := quietHost("")
	resp, err := startHost(t, h).Run(context.Background(), f.request(nil))
	if err != nil || resp.GetError() != "Program was terminated by signal: killed" {
		t.Fatalf("Run = %v, %v", resp, err)
	}
}

func TestRunExplainsAMissingPulumiPackage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NODE_PATH", "")
	h, _, _ := quietHost("")
	req := &pulumirpc.RunRequest{Pwd: dir, Info: &pulumirpc.ProgramInfo{ProgramDirectory: dir, EntryPoint: "."}}
	resp, err := startHost(t, h).Run(context.Background(), req)
	if err != nil || !strings.Contains(resp.GetError(), "cannot find module '@pulumi/pulumi/cmd/run'") {
		t.Fatalf("Run = %v, %v", resp, err)
	}
}

func TestRunRejectsAnInvalidRuntimeOptionBeforeStartingNode(t *testing.T) {
	f := newRunFixture(t, recorderJS)
	h, _, _ := quietHost("")
	resp, err := startHost(t, h).Run(context.Background(), f.request(map[string]any{"typescript": 1}))
	want := `Pulumi.yaml runtime option "typescript" must be a boolean (true or false), got the number 1`
	if err != nil || resp.GetError() != want {
		t.Fatalf("Run = %v, %v; want error %q", resp, err, want)
	}
	if _, statErr := os.Stat(f.record); statErr == nil {
		t.Error("node was started despite the invalid option")
	}
}

func TestRunInterruptsTheProgramWhenTheCallIsCancelled(t *testing.T) {
	f := newRunFixture(t, `require("fs").writeFileSync(process.env.FAKE_RECORD, "{}"); setInterval(() => {}, 1000);`)
	h, _, _ := quietHost("")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan *pulumirpc.RunResponse, 1)
	go func() { done <- runResponseFor(h.start(ctx, mustInvocation(t, h, f.request(nil)))) }()
	waitForFile(t, f.record, 10*time.Second)
	cancel()
	select {
	case resp := <-done:
		if resp.GetError() != "Program was terminated by signal: interrupt" {
			t.Errorf("response = %v, want termination by interrupt", resp)
		}
	case <-time.After(interruptGrace + 5*time.Second):
		t.Fatal("the program kept running after the Run call was cancelled")
	}
}

func mustInvocation(t *testing.T, h *nodeHost, req *pulumirpc.RunRequest) invocation {
	t.Helper()
	inv, err := h.programInvocation(req)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func waitForFile(t *testing.T, path string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s did not appear within %v", path, limit)
}
