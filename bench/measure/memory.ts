/**
 * Measurement 5: memory. The worker's V8 heap through wrangler's inspector (Chrome DevTools
 * protocol: `Runtime.getHeapUsage`; workerd does not answer `HeapProfiler.collectGarbage`, so
 * the figure includes garbage not yet collected), and the resident memory of
 * the processes of the pair (peak = VmHWM: the most each ever held, which the load run drives).
 */
import { residentMemory } from "../lib/proc";
import type { ServerProcess, ServerProcesses } from "../lib/servers";

/** Heap of the worker's isolate, bytes. */
export interface HeapUsage {
  used: number;
  total: number;
}

/** Memory after the load run. */
export interface MemoryResult {
  heap: HeapUsage | null;
  /** Why the heap is missing, when it is. */
  heapError: string | null;
  /** Per process of the pair: resident now and peak, bytes. */
  processes: (ServerProcess & { rss: number; peak: number })[];
}

type NodeWebSocket = new (url: string, init: { headers: Record<string, string> }) => WebSocket;

type CdpReply = { id?: number; result?: Record<string, unknown>; error?: { message: string } };

/** Sends CDP commands over one WebSocket, one at a time. */
async function withInspector<T>(
  url: string,
  use: (send: (method: string) => Promise<Record<string, unknown>>) => Promise<T>,
): Promise<T> {
  // wrangler's inspector proxy refuses an upgrade without an Origin header. Node's WebSocket
  // (undici) takes headers in its init object; the Workers types in scope do not know it.
  const socket = new (WebSocket as unknown as NodeWebSocket)(url, {
    headers: { Origin: "http://127.0.0.1" },
  });
  await new Promise<void>((done, fail) => {
    socket.addEventListener("open", () => done(), { once: true });
    socket.addEventListener("error", () => fail(new Error(`cannot connect to ${url}`)), { once: true });
  });
  let nextId = 1;
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => fail(new Error(`${method}: no answer from the inspector`)), 5_000);
      const onMessage = (event: MessageEvent) => {
        const reply = JSON.parse(String(event.data)) as CdpReply;
        if (reply.id !== id) return;
        clearTimeout(timer);
        socket.removeEventListener("message", onMessage);
        if (reply.error) fail(new Error(`${method}: ${reply.error.message}`));
        else done(reply.result ?? {});
      };
      socket.addEventListener("message", onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    return await use(send);
  } finally {
    socket.close();
  }
}

/** The worker's heap from wrangler's inspector on `inspectorPort`. */
export async function workerHeap(inspectorPort: number): Promise<HeapUsage> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl?: string;
  }[];
  const url = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!url) throw new Error("the inspector lists no worker");
  return withInspector(url, async (send) => {
    const usage = await send("Runtime.getHeapUsage");
    return { used: Number(usage.usedSize), total: Number(usage.totalSize) };
  });
}

/** Heap and resident memory now (call right after the load run). */
export async function measureMemory(
  inspectorPort: number,
  processes: ServerProcesses,
): Promise<MemoryResult> {
  let heap: HeapUsage | null = null;
  let heapError: string | null = null;
  try {
    heap = await workerHeap(inspectorPort);
  } catch (err) {
    heapError = err instanceof Error ? err.message : String(err);
  }
  const measured = processes.flatMap((process) => {
    const mem = residentMemory(process.pid);
    return mem ? [{ ...process, ...mem }] : [];
  });
  return { heap, heapError, processes: measured };
}
