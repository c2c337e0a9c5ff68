/**
 * What a registry event records of the command that wrote it, as a journey event's metadata does:
 * who and when, and, when a command made it, the request's correlation id (shared by every event
 * the request wrote, in any stream) and the command's id as its causation id. A seed or an import
 * run sets only who and when. Not part of a reservation's id: a retry still writes the same event.
 */
export interface RegistryRecording {
  recordedAt: string;
  recordedBy: string;
  correlationId?: string;
  causationId?: string;
}
