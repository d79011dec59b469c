// Default account contents: demo credentials and the seeded ACK clusters. Ids are fixed so
// examples, tests and documentation can name them. Documented in emulator/README.md.
import type { ClusterSeed, Credential } from "./types";

/** Demo credentials; printing them is intended, they protect nothing. */
export const DEMO_CREDENTIALS: Credential = {
  accessKeyId: "LTAI5tEmulatorDemoKey",
  accessKeySecret: "emulator-demo-secret-not-real",
};

export const DEFAULT_REGION = "cn-hangzhou";
export const DEFAULT_VPC = "vpc-emu-default";
export const DEFAULT_VSWITCH = "vsw-emu-default-a";
export const OTHER_VPC = "vpc-emu-other";

/** The default clusters by role. */
export const EMULATOR_CLUSTERS = {
  /** Running, default VPC. */
  primary: { clusterId: "c0a1b2c3d4e5f60718293a4b5c6d7e8f9", name: "ack-emu-primary", vpcId: DEFAULT_VPC },
  /** Running, default VPC. */
  secondary: { clusterId: "c1b2c3d4e5f60718293a4b5c6d7e8f90a", name: "ack-emu-secondary", vpcId: DEFAULT_VPC },
  /** Running, default VPC. */
  tertiary: { clusterId: "c2c3d4e5f60718293a4b5c6d7e8f90a1b", name: "ack-emu-tertiary", vpcId: DEFAULT_VPC },
  /** Running, but in another VPC: adding it fails (ForbiddenFlag 2). */
  otherVpc: { clusterId: "c3d4e5f60718293a4b5c6d7e8f90a1b2c", name: "ack-emu-other-vpc", vpcId: OTHER_VPC },
  /** Running, default VPC, already has istio-system: adding it fails unless IgnoreNamespaceCheck (ForbiddenFlag 4). */
  withIstioSystem: {
    clusterId: "c4e5f60718293a4b5c6d7e8f90a1b2c3d", name: "ack-emu-istio-system", vpcId: DEFAULT_VPC, hasIstioSystem: true,
  },
  /** Stopped, default VPC: adding it fails with InvalidActiveState.ACK. */
  stopped: { clusterId: "c5f60718293a4b5c6d7e8f90a1b2c3d4e", name: "ack-emu-stopped", vpcId: DEFAULT_VPC, state: "stopped" },
} as const satisfies Record<string, ClusterSeed>;

export const DEFAULT_CLUSTERS: ClusterSeed[] = [
  EMULATOR_CLUSTERS.primary,
  EMULATOR_CLUSTERS.secondary,
  EMULATOR_CLUSTERS.tertiary,
  EMULATOR_CLUSTERS.otherVpc,
  EMULATOR_CLUSTERS.withIstioSystem,
  EMULATOR_CLUSTERS.stopped,
];
