// The message for each reason the app gives why an answer is read-only (AnswerDto.can.lock).
import type { Lock } from "../../ipc/client";
import type { Key } from "../../i18n/id";

export const LOCK_KEY: Record<Lock, Key> = {
  finalized: "lock.final",
  no_role: "lock.noRole",
  koordinator: "lock.koordinator",
  not_assigned: "lock.notAssigned",
  submitted: "lock.submitted",
  approved: "lock.approved",
};
