package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// bailExitCode is the exit code @pulumi/pulumi/cmd/run uses after it has already reported the program's
// error to the engine; answering Bail keeps the CLI from printing that error a second time.
const bailExitCode = 32

// interruptGrace is how long a program gets to shut down after an interrupt before it is killed.
const interruptGrace = 10 * time.Second

// invocation is one child process: everything needed to start it, built without side effects.
type invocation struct {
	node string
	args []string
	env  []string
	dir  string
}

func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	inv, err := h.programInvocation(req)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	return runResponseFor(h.start(ctx, inv)), nil
}

func (h *nodeHost) programInvocation(req *pulumirpc.RunRequest) (invocation, error) {
	opts, err := parseRuntimeOptions(req.GetInfo().GetOptions())
	if err != nil {
		return invocation{}, err
	}
	dir := programDirectory(req)
	script, err := findPulumiScript(dir, "cmd/run")
	if err != nil {
		return invocation{}, err
	}
	node, err := lookNode()
	if err != nil {
		return invocation{}, err
	}
	env, err := programEnv(req, opts)
	if err != nil {
		return invocation{}, err
	}
	args := append(append([]string{}, opts.nodeArgs...), script)
	args = append(args, h.runFlags(req)...)
	args = append(args, entryPoint(req))
	args = append(args, req.GetArgs()...)
	return invocation{node: node, args: args, env: env, dir: dir}, nil
}

// runFlags are the flags cmd/run reads (see its usage text); they must precede the program because it
// stops parsing flags at the first positional argument.
func (h *nodeHost) runFlags(req *pulumirpc.RunRequest) []string {
	flags := []string{
		"--monitor=" + req.GetMonitorAddress(),
		"--project=" + req.GetProject(),
		"--stack=" + req.GetStack(),
		"--pwd=" + req.GetPwd(),
		"--parallel=" + strconv.Itoa(int(req.GetParallel())),
	}
	optional := []struct{ flag, value string }{
		{"--engine=", h.engine()},
		{"--organization=", req.GetOrganization()},
		{"--root-directory=", req.GetInfo().GetRootDirectory()},
		{"--tracing=", h.tracing},
	}
	for _, o := range optional {
		if o.value != "" {
			flags = append(flags, o.flag+o.value)
		}
	}
	if req.GetDryRun() {
		flags = append(flags, "--dry-run")
	}
	return flags
}

// programEnv passes config the way @pulumi/pulumi reads it: JSON in PULUMI_CONFIG and
// PULUMI_CONFIG_SECRET_KEYS (runtime/config.js), plus the TypeScript switches cmd/run/run.js reads.
func programEnv(req *pulumirpc.RunRequest, opts runtimeOptions) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("could not encode stack config for the program: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("could not encode secret config keys for the program: %w", err)
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretJSON))
	return append(env, typescriptEnv(opts)...), nil
}

func typescriptEnv(opts runtimeOptions) []string {
	env := []string{"PULUMI_NODEJS_TYPESCRIPT=" + strconv.FormatBool(opts.typescript)}
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}
	return env
}

func programDirectory(req *pulumirpc.RunRequest) string {
	if dir := req.GetInfo().GetProgramDirectory(); dir != "" {
		return dir
	}
	return req.GetPwd()
}

// entryPoint is relative to the program directory; "." tells cmd/run to use package.json's main/exports.
func entryPoint(req *pulumirpc.RunRequest) string {
	if ep := req.GetInfo().GetEntryPoint(); ep != "" {
		return ep
	}
	if p := req.GetProgram(); p != "" { //nolint:staticcheck // older engines send only the deprecated field
		return p
	}
	return "."
}

// start runs the child to completion. Cancelling ctx interrupts it first so it can flush its state.
func (h *nodeHost) start(ctx context.Context, inv invocation) error {
	cmd := exec.CommandContext(ctx, inv.node, inv.args...)
	cmd.Dir, cmd.Env = inv.dir, inv.env
	cmd.Stdout, cmd.Stderr = h.stdout, h.stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = interruptGrace
	return cmd.Run()
}

func runResponseFor(err error) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run the Node.js program: %v", err)}
	}
	if status, ok := exitErr.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program was terminated by signal: %v", status.Signal())}
	}
	if exitErr.ExitCode() == bailExitCode {
		return &pulumirpc.RunResponse{Bail: true}
	}
	return &pulumirpc.RunResponse{
		Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
	}
}
