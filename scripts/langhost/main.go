// Command pulumi-language-nodejs is a minimal Pulumi language host for Node.js programs.
//
// The engine starts it as `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] <engine-address>`,
// reads the gRPC port from the first line of stdout and then calls the LanguageRuntime service. See README.md
// for why this exists instead of the upstream host.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// engineHealthInterval bounds how long the host outlives an engine that died without killing it.
const engineHealthInterval = time.Minute

type hostFlags struct {
	tracing       string
	root          string
	engineAddress string
}

func main() {
	if err := serveMain(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

// parseHostFlags is given the global flag set in production because glog (pulled in by the SDK's logging
// package) registers -v and -logtostderr there, and the engine passes those when --logflow is on.
func parseHostFlags(fs *flag.FlagSet, args []string) (hostFlags, error) {
	var f hostFlags
	fs.StringVar(&f.tracing, "tracing", "", "emit tracing to a Zipkin-compatible endpoint or file:// URL")
	// -root is accepted for compatibility with engines that pass it; the program's root arrives with each request.
	fs.StringVar(&f.root, "root", "", "project root directory (informational)")
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	switch fs.NArg() {
	case 0:
		// An engine attaching over PULUMI_DEBUG_LANGUAGES sends its address with Handshake instead.
	case 1:
		f.engineAddress = fs.Arg(0)
	default:
		return f, fmt.Errorf("expected at most one positional argument (the engine address), got %d: %q",
			fs.NArg(), fs.Args())
	}
	return f, nil
}

func serveMain(args []string) error {
	f, err := parseHostFlags(flag.CommandLine, args)
	if err != nil {
		return err
	}
	logging.InitLogging(false, 0, false)
	cmdutil.InitTracing("pulumi-language-nodejs", "pulumi-language-nodejs", f.tracing)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if f.engineAddress != "" {
		// The engine normally kills us; the health check covers an engine that crashed.
		if err := rpcutil.Healthcheck(ctx, f.engineAddress, engineHealthInterval, cancel); err != nil {
			return fmt.Errorf("could not connect to the engine at %q: %w", f.engineAddress, err)
		}
	}

	host := newNodeHost(f.engineAddress, f.tracing)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancelChannel(ctx),
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
		Options: rpcutil.TracingServerInterceptorOptions(nil),
	})
	if err != nil {
		return fmt.Errorf("could not start the language host gRPC server: %w", err)
	}
	// The engine reads exactly this line to learn where to connect.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("language host gRPC server stopped: %w", err)
	}
	return nil
}

// cancelChannel adapts a context to the bool channel that rpcutil.ServeOptions.Cancel expects.
func cancelChannel(ctx context.Context) chan bool {
	ch := make(chan bool, 1)
	go func() {
		<-ctx.Done()
		ch <- true
	}()
	return ch
}
