package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

const sdkModulePath = "github.com/pulumi/pulumi/sdk/v3"

// fallbackVersion is reported only when the binary carries no module build information (e.g. built with
// -buildvcs tricks or stripped build info); it must match the sdk/v3 version pinned in go.mod.
const fallbackVersion = "3.274.1"

// nodeHost implements the LanguageRuntime service for Node.js programs. Methods it does not implement
// (code generation, packing, linking) answer Unimplemented through the embedded type; the engine treats
// that as "not supported" for the optional calls.
type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string

	// The program's stdout/stderr go straight to ours: the engine reads both and shows them on its console.
	stdout io.Writer
	stderr io.Writer
}

func newNodeHost(engineAddress, tracing string) *nodeHost {
	return &nodeHost{engineAddress: engineAddress, tracing: tracing, stdout: os.Stdout, stderr: os.Stderr}
}

func (h *nodeHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

func (h *nodeHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: hostVersion()}, nil
}

// hostVersion reports the SDK version this host was built against, so it cannot drift from go.mod.
func hostVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return fallbackVersion
	}
	for _, dep := range info.Deps {
		if dep.Path == sdkModulePath {
			return strings.TrimPrefix(dep.Version, "v")
		}
	}
	return fallbackVersion
}

// GetRequiredPlugins returns nothing: the only plugin our programs need, the dynamic provider host
// pulumi-nodejs, is bundled next to the CLI, and listing it would make the engine try to download it.
func (h *nodeHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages returns nothing for the same reason as GetRequiredPlugins.
func (h *nodeHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}
