/**
 * Excel.RequestContext of the stand-in: queues actions and sends them to the host at sync(), one
 * request per sync, then fills loaded objects or rejects with the error Excel gave.
 */
import { type ContextLink, createObject, setNull } from "./clientObject";
import { OfficeExtensionError } from "./errors";
import { type Action, type PreviewHost, ROOT_ID, type Response } from "./protocol";
import { strict } from "./strict";

let contexts = 0;

/** One request context: `proxy` is what the pane holds. */
export class StandInContext implements ContextLink {
  readonly id = `ctx${++contexts}-${Math.random().toString(36).slice(2, 8)}`;
  readonly proxy: object;
  private pending: { action: Action; onResult?: (result: unknown) => void }[] = [];
  private objects = new Map<string, object>();
  private ids = 0;

  constructor(private readonly host: () => PreviewHost) {
    const workbook = createObject(this, "Workbook", ROOT_ID, false);
    const tracked = strict("Excel.RequestContext.trackedObjects", {
      add: () => undefined,
      remove: () => undefined,
    });
    this.proxy = strict("Excel.RequestContext", {
      workbook,
      trackedObjects: tracked,
      sync: () => this.sync(),
    });
  }

  /** Whether actions wait for a sync (Excel.run sends them when the batch function returns). */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  queue(action: Action, onResult?: (result: unknown) => void): void {
    this.pending.push({ action, onResult });
  }

  newId(): string {
    return String(++this.ids);
  }

  register(id: string, object: object): void {
    this.objects.set(id, object);
  }

  /** Sends the queued actions as one request; rejects with OfficeExtension.Error as Excel does. */
  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    // A round trip to Excel is never synchronous: code after sync() runs later, whatever happens.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (batch.length === 0) return;
    const request = JSON.stringify({ context: this.id, actions: batch.map((b) => b.action) });
    const response = JSON.parse(this.host().execute(request)) as Response;
    for (const [id, isNull] of Object.entries(response.nulls)) {
      const object = this.objects.get(id);
      if (object) setNull(object, isNull);
    }
    if (response.error) {
      const { code, message, location, statement } = response.error;
      const failed = batch[statement]?.action;
      throw new OfficeExtensionError(code, message, location, failed && JSON.stringify(failed));
    }
    batch.forEach(({ onResult }, index) => {
      if (onResult && index in response.results) onResult(response.results[index]);
    });
  }
}
