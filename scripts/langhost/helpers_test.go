package main

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func writeFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

// fakePulumiScript installs index.js as <root>/node_modules/@pulumi/pulumi/<sub>, standing in for the
// real runner so tests can see exactly what the host passed to node.
func fakePulumiScript(t *testing.T, root, sub, js string) string {
	t.Helper()
	dir := filepath.Join(root, "node_modules", "@pulumi", "pulumi", filepath.FromSlash(sub))
	writeFile(t, filepath.Join(dir, "index.js"), js, 0o644)
	return dir
}

// recorderJS writes what the child saw to $FAKE_RECORD and exits with $FAKE_EXIT.
const recorderJS = `
const fs = require("fs");
const pick = ["PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_NODEJS_TYPESCRIPT", "PULUMI_NODEJS_TSCONFIG_PATH"];
const env = {};
for (const k of pick) { if (k in process.env) env[k] = process.env[k]; }
fs.writeFileSync(process.env.FAKE_RECORD, JSON.stringify({
  argv: process.argv.slice(2), execArgv: process.execArgv, cwd: process.cwd(), env,
}));
console.log("program stdout line");
console.error("program stderr line");
process.exitCode = Number(process.env.FAKE_EXIT || "0");
`

type childRecord struct {
	Argv     []string          `json:"argv"`
	ExecArgv []string          `json:"execArgv"`
	Cwd      string            `json:"cwd"`
	Env      map[string]string `json:"env"`
}

func readRecord(t *testing.T, path string) childRecord {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the child did not record its invocation: %v", err)
	}
	var rec childRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

// startHost serves h over real gRPC on loopback, as the engine would reach it.
func startHost(t *testing.T, h *nodeHost) pulumirpc.LanguageRuntimeClient {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	pulumirpc.RegisterLanguageRuntimeServer(srv, h)
	go func() { _ = srv.Serve(lis) }()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = conn.Close()
		srv.Stop()
	})
	return pulumirpc.NewLanguageRuntimeClient(conn)
}

// quietHost captures the program's pass-through output instead of polluting the test log.
func quietHost(engine string) (*nodeHost, *bytes.Buffer, *bytes.Buffer) {
	h := newNodeHost(engine, "")
	var out, errOut bytes.Buffer
	h.stdout, h.stderr = &out, &errOut
	return h, &out, &errOut
}

func evalSymlinks(t *testing.T, path string) string {
	t.Helper()
	resolved, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	return resolved
}
