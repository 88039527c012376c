// The machine a run was measured on, recorded in the JSON and drawn in the chart: numbers from
// different machines are not comparable.

import os from 'node:os';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly arch: string;
  readonly node: string;
  readonly v8: string;
}

/** The 1-minute load average: other processes competing for the cores skew the timings. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0] * 100) / 100;
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    node: process.version,
    v8: process.versions.v8,
  };
}
