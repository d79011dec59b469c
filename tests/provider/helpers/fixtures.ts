// Builders for provider-test inputs: every test gets a unique mesh name.
import { DEFAULT_VPC, DEFAULT_VSWITCH } from "../../../emulator";

let counter = 0;

export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export function meshInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: uniqueName("mesh"), network: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] }, ...overrides };
}
