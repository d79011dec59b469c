package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// pulumiPackage is the npm package whose cmd/ scripts actually run programs and plugins.
const pulumiPackage = "@pulumi/pulumi"

// findPulumiScript locates <node_modules>/@pulumi/pulumi/<sub> the way Node resolves a bare module name:
// the start directory's node_modules, then each parent's, then NODE_PATH. The script must come from the
// program's own dependency tree so that the program and the runner share one copy of the SDK.
func findPulumiScript(startDir, sub string) (string, error) {
	abs, err := filepath.Abs(startDir)
	if err != nil {
		return "", fmt.Errorf("invalid program directory %q: %w", startDir, err)
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if script, ok := scriptIn(filepath.Join(dir, "node_modules"), sub); ok {
			return script, nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	for _, dir := range filepath.SplitList(os.Getenv("NODE_PATH")) {
		if script, ok := scriptIn(dir, sub); ok {
			return script, nil
		}
	}
	return "", fmt.Errorf("cannot find module '%s/%s' from %s or any parent directory's node_modules "+
		"(or NODE_PATH): is %s listed in package.json and have dependencies been installed (npm install)?",
		pulumiPackage, sub, abs, pulumiPackage)
}

func scriptIn(nodeModules, sub string) (string, bool) {
	if nodeModules == "" {
		return "", false
	}
	dir := filepath.Join(nodeModules, filepath.FromSlash(pulumiPackage), filepath.FromSlash(sub))
	if info, err := os.Stat(filepath.Join(dir, "index.js")); err == nil && !info.IsDir() {
		return dir, true
	}
	return "", false
}

// findPackageDir returns the nearest directory at or above programDir, and not above rootDir when that is
// an ancestor, that holds a package.json.
func findPackageDir(programDir, rootDir string) (string, error) {
	abs, err := filepath.Abs(programDir)
	if err != nil {
		return "", fmt.Errorf("invalid program directory %q: %w", programDir, err)
	}
	stop := ""
	if rootDir != "" {
		if stop, err = filepath.Abs(rootDir); err != nil {
			return "", fmt.Errorf("invalid root directory %q: %w", rootDir, err)
		}
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "package.json")); err == nil {
			return dir, nil
		}
		if dir == stop || filepath.Dir(dir) == dir {
			break
		}
	}
	return "", fmt.Errorf("no package.json found in %s or its parent directories up to the project root %s",
		abs, stop)
}

// lookNode finds the node executable on PATH; a clear error beats exec's bare "executable file not found".
func lookNode() (string, error) {
	path, err := exec.LookPath("node")
	if err != nil {
		return "", fmt.Errorf("the Node.js executable 'node' was not found on PATH: install Node.js or add it to PATH")
	}
	return path, nil
}
