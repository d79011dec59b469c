// The plugin archive's name and platforms (scripts/lib/pluginArchive.ts); tests/e2e/pluginArchive.test.ts
// builds and installs a real one.
import { currentPlatform, parsePlatform, pluginArchiveName } from "../../scripts/lib/pluginArchive";

describe("the plugin archive's name", () => {
  it("is the asset name Pulumi asks a plugin server for: pulumi-resource-asm-v<version>-<os>-<arch>.tar.gz", () => {
    expect(pluginArchiveName("0.1.0", { os: "linux", arch: "amd64" })).toBe("pulumi-resource-asm-v0.1.0-linux-amd64.tar.gz");
    expect(pluginArchiveName("1.2.3", { os: "darwin", arch: "arm64" })).toBe("pulumi-resource-asm-v1.2.3-darwin-arm64.tar.gz");
  });

  it("names platforms as Go does (amd64, not Node's x64)", () => {
    expect(parsePlatform("linux-arm64")).toEqual({ os: "linux", arch: "arm64" });
    expect(() => parsePlatform("linux-x64")).toThrow(/linux-amd64, linux-arm64, darwin-amd64 or darwin-arm64/);
    if (process.platform === "linux" && process.arch === "x64") expect(currentPlatform()).toEqual({ os: "linux", arch: "amd64" });
  });

  it("refuses Windows, for which the archive has no launcher the engine could run", () => {
    expect(() => parsePlatform("windows-amd64")).toThrow(/platform "windows-amd64" is not supported/);
  });
});
