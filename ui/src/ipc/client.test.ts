import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { ipc, IpcError } from "./client";

afterEach(() => clearMocks());

describe("typed IPC client", () => {
  it("passes the arguments the shell's commands take", async () => {
    let seen: { cmd: string; args: unknown } | null = null;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { year: 2026, indicator: 7, level: 3 };
    });
    const a = await ipc.setAnswer(2026, 7, { level: 3 });
    expect(seen).toEqual({ cmd: "set_answer", args: { year: 2026, indicator: 7, input: { level: 3 } } });
    expect(a.level).toBe(3);
  });

  it("turns a {code, message} rejection into an IpcError the UI branches on", async () => {
    mockIPC(() => {
      throw { code: "INVALID_LEVEL", message: "level 9 for indicator 1 is outside 1-5" };
    });
    const err = await ipc.setAnswer(null, 1, { level: 9 }).catch((e) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err.code).toBe("INVALID_LEVEL");
    expect(err.detail).toContain("outside 1-5");
  });

  it("treats any other rejection as INTERNAL", async () => {
    mockIPC(() => {
      throw "boom";
    });
    const err = await ipc.index(null).catch((e) => e);
    expect(err.code).toBe("INTERNAL");
  });
});
