// `asm-emulator`: runs the local ASM emulator until SIGINT/SIGTERM and prints how to reach it.
import * as fs from "node:fs";
import { validateFaultRule } from "./faults/faultRules";
import { createEmulator, type EmulatorOptions } from "./index";
import { SERVICE_REJECTS_UNCONTRACTED_PARAMETERS } from "./modelled";
import { MAX_TRANSITION_SPREAD } from "./time/lifecycle";
import { PROFILE_NAMES, type FaultRule, type ProfileName } from "./types";

export const DEFAULT_PORT = 18080;

/** Sets --strict-params where the command line cannot be changed (`npm run demo`); the flag wins. */
export const STRICT_ENV = "ASM_EMULATOR_STRICT_PARAMS";

const onOff = (b: boolean) => (b ? "on" : "off");

function onOrOff(what: string, v: string): boolean {
  if (v !== "on" && v !== "off") throw new Error(`${what} must be on or off, got "${v}".`);
  return v === "on";
}

const USAGE = `Usage: asm-emulator [options]
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host HOST         address to bind (default 127.0.0.1)
  --state-file FILE   persist state to FILE (JSON, atomic writes); default: memory only
  --profile NAME      lifecycle timing: instant | fast | realistic (default fast)
  --faults FILE       JSON array of fault rules to start with (see emulator/README.md)
  --seed N            seed for ids and probabilistic faults (default 1)
  --rate-limit R[:B]  token bucket: R requests/second, burst B (default unlimited)
  --gateway-defaults on|off
                      store gateways with the CRD's documented spec defaults filled in (default off)
  --transition-spread F
                      vary each timed transition by up to ±F of the profile's time (0 to 0.5, default 0)
  --strict-params on|off
                      reject a parameter the action does not have or sent in the wrong place (default
                      ${onOff(SERVICE_REJECTS_UNCONTRACTED_PARAMETERS)}, as the service; or ${STRICT_ENV}=on|off); warned about either way
  --help              show this text`;

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value.`);
  return v;
}

function int(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${v}".`);
  return n;
}

function readFaults(file: string): FaultRule[] {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`--faults ${file}: expected a JSON array of fault rules.`);
  return parsed.map((rule, i) => {
    try {
      return validateFaultRule(rule);
    } catch (e) {
      throw new Error(`--faults ${file}: rule ${i}: ${(e as Error).message}`, { cause: e });
    }
  });
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): EmulatorOptions | "help" {
  const fromEnv = env[STRICT_ENV];
  const strictParams = fromEnv === undefined || fromEnv === "" ? SERVICE_REJECTS_UNCONTRACTED_PARAMETERS : onOrOff(STRICT_ENV, fromEnv);
  const opts: EmulatorOptions = { port: DEFAULT_PORT, profile: "fast", strictParams };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") return "help";
    const v = takeValue(argv, i, flag);
    switch (flag) {
      case "--port": opts.port = int(flag, v, 0, 65535); break;
      case "--host": opts.host = v; break;
      case "--state-file": opts.stateFile = v; break;
      case "--seed": opts.seed = int(flag, v, 0, 2 ** 31 - 1); break;
      case "--faults": opts.faults = readFaults(v); break;
      case "--profile":
        if (!PROFILE_NAMES.includes(v as ProfileName)) throw new Error(`--profile must be one of ${PROFILE_NAMES.join(", ")}, got "${v}".`);
        opts.profile = v as ProfileName;
        break;
      case "--rate-limit": {
        const [rps, burst] = v.split(":");
        opts.rateLimit = { requestsPerSecond: int(flag, rps, 1, 1_000_000), ...(burst ? { burst: int(flag, burst, 1, 1_000_000) } : {}) };
        break;
      }
      case "--transition-spread": {
        const spread = Number(v);
        if (!(spread >= 0 && spread <= MAX_TRANSITION_SPREAD)) throw new Error(`--transition-spread must be a number from 0 to ${MAX_TRANSITION_SPREAD}, got "${v}".`);
        opts.transitionSpread = spread;
        break;
      }
      case "--gateway-defaults": opts.gatewayDefaults = onOrOff(flag, v); break;
      case "--strict-params": opts.strictParams = onOrOff(flag, v); break;
      default: throw new Error(`unknown option ${flag}.\n${USAGE}`);
    }
  }
  return opts;
}

export async function main(argv: string[]): Promise<void> {
  let opts: EmulatorOptions | "help";
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`asm-emulator: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  if (opts === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emu = await createEmulator(opts);
  process.stdout.write(
    `ASM emulator listening on ${emu.url}\nendpoint=${emu.endpoint}\naccessKeyId=${emu.credentials.accessKeyId}\n` +
    `accessKeySecret=${emu.credentials.accessKeySecret}\nprofile=${opts.profile ?? "fast"}\nstrictParams=${onOff(opts.strictParams ?? true)}\n` +
    `control=${emu.url}/_emulator/\n${opts.stateFile ? `stateFile=${opts.stateFile}\n` : ""}`,
  );
  const stop = (signal: string) => {
    process.stdout.write(`asm-emulator: ${signal}, stopping\n`);
    emu.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`asm-emulator: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
