import { legacyEnvKeys, resolveSettings } from "../../provider/config";
import { parseDuration, timeoutFor } from "../../provider/framework/timeouts";

describe("resolveSettings", () => {
  const stack = (values: Record<string, string>) => (key: string) => values[key];

  it("defaults to the public endpoint over HTTPS with no keys", () => {
    expect(resolveSettings({}, stack({}))).toEqual({ endpoint: "servicemesh.aliyuncs.com", protocol: "HTTPS", regionId: undefined, keys: undefined, waitScale: 1, progress: true });
  });

  it("takes keys and region from stack config and lets ASM_* env override endpoint and protocol", () => {
    const s = resolveSettings(
      { ASM_ENDPOINT: "127.0.0.1:9000", ASM_PROTOCOL: "http", ASM_WAIT_SCALE: "0.01" },
      stack({ "alicloud:accessKey": "AK", "alicloud:secretKey": "SK", "alicloud:region": "cn-beijing", "asm:endpoint": "ignored:1" }),
    );
    expect(s).toEqual({ endpoint: "127.0.0.1:9000", protocol: "HTTP", regionId: "cn-beijing", keys: { accessKeyId: "AK", accessKeySecret: "SK", securityToken: undefined }, waitScale: 0.01, progress: true });
  });

  it("rejects a bad protocol or wait scale naming the setting and the allowed values", () => {
    expect(() => resolveSettings({ ASM_PROTOCOL: "ftp" }, stack({}))).toThrow('asm:protocol / ASM_PROTOCOL: "ftp" is not allowed; use HTTP or HTTPS');
    expect(() => resolveSettings({ ASM_WAIT_SCALE: "-1" }, stack({}))).toThrow(/ASM_WAIT_SCALE: "-1" is not allowed/);
  });

  it("turns progress lines off with asm:progress or ASM_PROGRESS, and rejects other values", () => {
    expect(resolveSettings({}, stack({ "asm:progress": "off" })).progress).toBe(false);
    expect(resolveSettings({ ASM_PROGRESS: "on" }, stack({ "asm:progress": "off" })).progress).toBe(true);
    expect(() => resolveSettings({ ASM_PROGRESS: "loud" }, stack({}))).toThrow('asm:progress / ASM_PROGRESS: "loud" is not allowed; use on or off');
  });

  it("reads the ALICLOUD_* fallback keys only when both are present", () => {
    expect(legacyEnvKeys({ ALICLOUD_ACCESS_KEY: "a" })).toBeUndefined();
    expect(legacyEnvKeys({ ALICLOUD_ACCESS_KEY: "a", ALICLOUD_SECRET_KEY: "b" })).toEqual({ accessKeyId: "a", accessKeySecret: "b", securityToken: undefined });
  });
});

describe("timeouts", () => {
  it.each([["90s", 90_000], ["15m", 900_000], ["1h30m", 5_400_000], ["2h", 7_200_000]])("parses %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("refuses text that is not a duration", () => {
    expect(() => parseDuration("soon")).toThrow('"soon" is not a duration; use e.g. "90s", "15m" or "1h30m"');
  });

  it.each(["", "  ", "1h30", "m"])("refuses %j, which has no number of hours, minutes or seconds", (text) => {
    expect(() => parseDuration(text)).toThrow("is not a duration");
  });

  it("uses the given timeout for an operation and the default otherwise", () => {
    const defaults = { create: 1, update: 2, delete: 3 };
    expect(timeoutFor("create", { create: "1m" }, defaults)).toBe(60_000);
    expect(timeoutFor("delete", { create: "1m" }, defaults)).toBe(3);
  });
});
