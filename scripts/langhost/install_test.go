package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// fakeManagers puts npm and yarn stand-ins first on PATH; each reports how it was called, writes to both
// streams and creates node_modules, failing with $FAKE_PM_EXIT when set.
func fakeManagers(t *testing.T) {
	t.Helper()
	bin := t.TempDir()
	script := "#!/bin/sh\necho \"$(basename \"$0\") $* in $(pwd)\"\necho \"progress on stderr\" >&2\n" +
		"mkdir -p node_modules\nexit ${FAKE_PM_EXIT:-0}\n"
	for _, name := range []string{"npm", "yarn"} {
		writeFile(t, filepath.Join(bin, name), script, 0o755)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func install(t *testing.T, dir string) (stdout, stderr string, err error) {
	t.Helper()
	h, _, _ := quietHost("")
	stream, err := startHost(t, h).InstallDependencies(context.Background(), &pulumirpc.InstallDependenciesRequest{
		Info: &pulumirpc.ProgramInfo{RootDirectory: dir, ProgramDirectory: dir, EntryPoint: "."},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	for {
		msg, recvErr := stream.Recv()
		if errors.Is(recvErr, io.EOF) {
			return out.String(), errOut.String(), nil
		}
		if recvErr != nil {
			return out.String(), errOut.String(), recvErr
		}
		out.Write(msg.GetStdout())
		errOut.Write(msg.GetStderr())
	}
}

func TestInstallDependenciesSkipsWhenNodeModulesExists(t *testing.T) {
	fakeManagers(t)
	dir := evalSymlinks(t, t.TempDir())
	writeFile(t, filepath.Join(dir, "package.json"), `{}`, 0o644)
	writeFile(t, filepath.Join(dir, "node_modules", ".keep"), "", 0o644)
	out, _, err := install(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if out != "node_modules already present in "+dir+"; skipping `npm install`\n" {
		t.Errorf("stdout = %q, want only the skip message", out)
	}
}

func TestInstallDependenciesRunsNpmAndStreamsBothOutputs(t *testing.T) {
	fakeManagers(t)
	dir := evalSymlinks(t, t.TempDir())
	writeFile(t, filepath.Join(dir, "package.json"), `{}`, 0o644)
	out, errOut, err := install(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "npm install in "+dir) || !strings.Contains(errOut, "progress on stderr") {
		t.Errorf("stdout = %q, stderr = %q", out, errOut)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "node_modules")); statErr != nil {
		t.Error("the package manager did not run in the program directory")
	}
}

func TestInstallDependenciesPicksThePackageManagerFromTheLockFile(t *testing.T) {
	fakeManagers(t)
	dir := evalSymlinks(t, t.TempDir())
	writeFile(t, filepath.Join(dir, "package.json"), `{}`, 0o644)
	writeFile(t, filepath.Join(dir, "yarn.lock"), "", 0o644)
	out, _, err := install(t, dir)
	if err != nil || !strings.Contains(out, "yarn install in "+dir) {
		t.Errorf("stdout = %q, err = %v; want yarn to run", out, err)
	}
}

func TestInstallDependenciesReportsAFailedInstall(t *testing.T) {
	fakeManagers(t)
	t.Setenv("FAKE_PM_EXIT", "7")
	dir := evalSymlinks(t, t.TempDir())
	writeFile(t, filepath.Join(dir, "package.json"), `{}`, 0o644)
	_, _, err := install(t, dir)
	if err == nil || !strings.Contains(err.Error(), "`npm install` in "+dir+" failed: exit status 7") {
		t.Errorf("error = %v", err)
	}
}

func TestInstallDependenciesExplainsAMissingPackageJSON(t *testing.T) {
	dir := evalSymlinks(t, t.TempDir())
	_, _, err := install(t, dir)
	if err == nil || !strings.Contains(err.Error(), "no package.json found in "+dir) {
		t.Errorf("error = %v", err)
	}
}
