package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// lockFiles pick the package manager when Pulumi.yaml does not name one, first match wins.
var lockFiles = []struct{ file, manager string }{
	{"pnpm-lock.yaml", "pnpm"},
	{"yarn.lock", "yarn"},
	{"bun.lock", "bun"},
	{"bun.lockb", "bun"},
	{"package-lock.json", "npm"},
}

// InstallDependencies installs the program's npm dependencies, but only when node_modules is missing:
// `pulumi install` and `pulumi new` call it, and reinstalling into a populated tree is slow and can change
// a shared checkout's node_modules under other processes' feet.
func (h *nodeHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest,
	stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	sender := &streamSender{send: func(stdout, stderr []byte) error {
		return stream.Send(&pulumirpc.InstallDependenciesResponse{Stdout: stdout, Stderr: stderr})
	}}
	opts, err := parseRuntimeOptions(req.GetInfo().GetOptions())
	if err != nil {
		return err
	}
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetDirectory() //nolint:staticcheck // older engines send only the deprecated field
	}
	pkgDir, err := findPackageDir(programDir, req.GetInfo().GetRootDirectory())
	if err != nil {
		return err
	}
	manager := choosePackageManager(pkgDir, opts.packageManager)
	if info, err := os.Stat(filepath.Join(pkgDir, "node_modules")); err == nil && info.IsDir() {
		msg := fmt.Sprintf("node_modules already present in %s; skipping `%s install`\n", pkgDir, manager)
		return sender.emit([]byte(msg), nil)
	}
	if err := sender.emit([]byte(fmt.Sprintf("Installing dependencies in %s with `%s install`...\n",
		pkgDir, manager)), nil); err != nil {
		return err
	}
	cmd := exec.CommandContext(stream.Context(), manager, "install")
	cmd.Dir = pkgDir
	cmd.Stdout, cmd.Stderr = sender.writer(false), sender.writer(true)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("`%s install` in %s failed: %w", manager, pkgDir, err)
	}
	return nil
}

func choosePackageManager(pkgDir, configured string) string {
	if configured != "" {
		return configured
	}
	for _, lf := range lockFiles {
		if _, err := os.Stat(filepath.Join(pkgDir, lf.file)); err == nil {
			return lf.manager
		}
	}
	return "npm"
}
