package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// RunPlugin runs a plugin written in Node.js (a directory with PulumiPlugin.yaml `runtime: nodejs`) through
// @pulumi/pulumi/cmd/run-plugin, streaming its output and finally its exit code, as the engine expects.
func (h *nodeHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, stream grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	inv, err := pluginInvocation(req)
	if err != nil {
		return err
	}
	sender := &streamSender{send: func(stdout, stderr []byte) error {
		if stderr != nil {
			return stream.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: stderr}})
		}
		return stream.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: stdout}})
	}}
	cmd := exec.CommandContext(stream.Context(), inv.node, inv.args...)
	cmd.Dir, cmd.Env = inv.dir, inv.env
	cmd.Stdout, cmd.Stderr = sender.writer(false), sender.writer(true)
	code, err := exitCode(cmd.Run())
	if err != nil {
		return fmt.Errorf("could not run Node.js plugin %q: %w", req.GetName(), err)
	}
	sender.mu.Lock()
	defer sender.mu.Unlock()
	return stream.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

func pluginInvocation(req *pulumirpc.RunPluginRequest) (invocation, error) {
	opts, err := parseRuntimeOptions(req.GetInfo().GetOptions())
	if err != nil {
		return invocation{}, err
	}
	pluginDir := req.GetInfo().GetProgramDirectory()
	if pluginDir == "" {
		pluginDir = req.GetPwd()
	}
	script, err := findPulumiScript(pluginDir, "cmd/run-plugin")
	if err != nil {
		return invocation{}, err
	}
	node, err := lookNode()
	if err != nil {
		return invocation{}, err
	}
	entry := req.GetInfo().GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	args := append(append([]string{}, opts.nodeArgs...), script, "--pwd="+pluginDir, entry)
	// "--" keeps the plugin's own flags (e.g. --tracing) away from run-plugin's flag parser.
	args = append(append(args, "--"), req.GetArgs()...)
	env := req.GetEnv()
	if len(env) == 0 {
		env = os.Environ()
	}
	env = append(append([]string{}, env...), typescriptEnv(opts)...)
	return invocation{node: node, args: args, env: env, dir: req.GetPwd()}, nil
}

// exitCode turns a finished child into the exit code the engine shows; only a failure to start is an error.
func exitCode(err error) (int32, error) {
	if err == nil {
		return 0, nil
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return int32(exitErr.ExitCode()), nil
	}
	return -1, err
}
