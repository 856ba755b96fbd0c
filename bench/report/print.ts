/** The printed report: each measurement as a table, its goal beside the figures. */
import { atMost, GOALS, type Verdict } from "./goals";
import type { BenchReport } from "./results";
import { type Cell, fixed, kib, table } from "./table";

const MIB = 1024 * 1024;
const mib = (bytes: number | null | undefined) => (bytes == null ? null : fixed(bytes / MIB, 1));

function wavesSection(r: BenchReport): string {
  const rows: Cell[][] = r.waves.map((w) => [
    w.name,
    w.kind,
    w.status ?? "ERR",
    w.calls,
    w.waves,
    w.sizes.join("+") || null,
    w.duplicates,
    fixed(w.ms),
    w.kind === "read" && w.ok ? atMost(w.waves, GOALS.wavesPerReadPage) : w.ok ? "-" : "n/a",
  ]);
  const failures = r.waves.filter((w) => !w.ok).map((w) => `  ! ${w.name}: ${w.error ?? "failed"}`);
  return [
    `1. Stripe calls and sequential waves per request (emulator log, L = ${r.options.latencyMs} ms per call)`,
    `   goal: ${GOALS.wavesPerReadPage} wave for every page that only reads`,
    table(["request", "kind", "status", "calls", "waves", "per wave", "dup", "ms", "goal"], rows),
    ...failures,
  ].join("\n");
}

function latencySection(r: BenchReport): string {
  const rows: Cell[][] = r.latency.map((l) => [
    l.name,
    fixed(l.p50),
    fixed(l.p99),
    fixed(l.rps, 1),
    l.requests,
    l.errors,
    l.non2xx,
    l.waves,
    l.limitMs,
    fixed(l.ratio, 2),
    atMost(l.ratio, GOALS.p50Ratio, true),
  ]);
  return [
    `2. Latency against the limit (wrangler dev, ${r.options.connections} connections x ${r.options.durationS} s each, L = ${r.options.latencyMs} ms)`,
    `   ratio = p50 / (waves x L), 1.00 = the limit Stripe sets; goal: under ${GOALS.p50Ratio}`,
    table(
      [
        "endpoint",
        "p50 ms",
        "p99 ms",
        "req/s",
        "requests",
        "errors",
        "non-2xx",
        "waves",
        "limit ms",
        "ratio",
        "goal",
      ],
      rows,
    ),
    "   CPU during each run: ms per request, and % of one core (2 cores = 200 %)",
    table(
      ["endpoint", "portal ms/req", "portal %", "emulator %", "wrangler proxy %", "load tool %"],
      r.latency.map((l) => [
        l.name,
        fixed(l.cpu.worker?.msPerRequest, 2),
        fixed(l.cpu.worker?.percent),
        fixed(l.cpu.emulator?.percent),
        fixed(l.cpu.proxy?.percent),
        fixed(l.cpu["load tool"]?.percent),
      ]),
    ),
  ].join("\n");
}

function renderSection(r: BenchReport): string {
  const rows: Cell[][] = r.render.map((x) => [
    x.locale,
    x.catalog ? "yes" : "no (English text)",
    x.renders,
    fixed(x.medianUs),
    fixed(x.p99Us),
    fixed(x.wallMedianUs),
    fixed(x.wallP99Us),
    kib(x.htmlBytes),
    atMost(x.medianUs, GOALS.renderMedianUs, true),
  ]);
  return [
    "3. Server CPU per render: home page, 3 subscriptions, 4 payment methods, 24 invoices (in-process)",
    `   CPU time per render (user + system); goal: median under ${GOALS.renderMedianUs} µs`,
    table(
      [
        "locale",
        "catalog",
        "renders",
        "median µs",
        "p99 µs",
        "wall med µs",
        "wall p99 µs",
        "HTML KiB",
        "goal",
      ],
      rows,
    ),
  ].join("\n");
}

function weightSection(r: BenchReport): string {
  const rows: Cell[][] = r.pages.map((p) => {
    const html = atMost(p.html.gzip, GOALS.htmlGzipBytes, true);
    const js = atMost(p.jsBytes, GOALS.jsBytes);
    const goal: Verdict = html === "ok" && js === "ok" ? "ok" : "MISS";
    return [
      p.name,
      kib(p.html.raw),
      kib(p.html.gzip),
      kib(p.html.brotli),
      kib(p.css.raw),
      kib(p.css.gzip),
      p.scripts,
      p.jsBytes,
      goal,
    ];
  });
  const b = r.bundle;
  const bundle = b
    ? `   worker bundle (wrangler deploy --dry-run): ${kib(b.raw)} KiB raw, ${kib(b.gzip)} KiB gzip; goal under ${kib(GOALS.bundleGzipBytes)} KiB gzip: ${atMost(b.gzip, GOALS.bundleGzipBytes, true)}`
    : "   worker bundle: not measured";
  return [
    "4. Page weight per read-only page (KiB; gzip level 6, brotli quality 11)",
    `   goal: HTML under ${kib(GOALS.htmlGzipBytes)} KiB gzip and ${GOALS.jsBytes} bytes of JavaScript`,
    table(["page", "HTML", "gzip", "brotli", "CSS", "CSS gzip", "scripts", "JS bytes", "goal"], rows),
    bundle,
  ].join("\n");
}

const ROLE_NAMES: Record<string, string> = {
  worker: "workerd running the portal",
  proxy: "workerd of wrangler's dev proxy",
  emulator: "Stripe emulator (node)",
  launcher: "tsx launching the emulator",
};

function memorySection(r: BenchReport): string {
  const m = r.memory;
  if (!m) return "5. Memory: not measured";
  const heap = m.heap
    ? `   worker heap (V8, via the inspector): ${mib(m.heap.used)} MiB used of ${mib(m.heap.total)} MiB (not collected first)`
    : `   worker heap: not available (${m.heapError ?? "unknown"})`;
  const processes = m.processes.map(
    (p) =>
      `   ${ROLE_NAMES[p.role]} (pid ${p.pid}): ${mib(p.rss)} MiB resident now, ${mib(p.peak)} MiB peak (VmHWM)`,
  );
  return ["5. Memory after the load run", heap, ...processes].join("\n");
}

function summary(r: BenchReport): string {
  const reads = r.waves.filter((w) => w.kind === "read" && w.ok);
  const count = (verdicts: Verdict[]) => `${verdicts.filter((v) => v === "ok").length}/${verdicts.length}`;
  const lines = [
    `   one wave per read-only page:     ${count(reads.map((w) => atMost(w.waves, GOALS.wavesPerReadPage)))} pages`,
    `   p50 ratio under ${GOALS.p50Ratio}:            ${count(r.latency.map((l) => atMost(l.ratio, GOALS.p50Ratio, true)))} endpoints`,
    `   render CPU median under 1 ms:    ${count(r.render.map((x) => atMost(x.medianUs, GOALS.renderMedianUs, true)))} locales`,
    `   HTML under 20 KiB gzip:          ${count(r.pages.map((p) => atMost(p.html.gzip, GOALS.htmlGzipBytes, true)))} pages`,
    `   0 bytes of JavaScript:           ${count(r.pages.map((p) => atMost(p.jsBytes, GOALS.jsBytes)))} pages`,
    `   bundle under 1 MiB gzip:         ${r.bundle ? atMost(r.bundle.gzip, GOALS.bundleGzipBytes, true) : "n/a"}`,
  ];
  const errors = r.errors.map((e) => `   ! ${e.phase} did not run: ${e.message.split("\n")[0]}`);
  const failed = r.waves.filter((w) => !w.ok).length;
  if (failed > 0) errors.push(`   ! ${failed} scenario(s) did not answer as expected (see section 1)`);
  return ["Goals met (the bench reports; a person judges):", ...lines, ...errors].join("\n");
}

/** The whole printed report. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const header = [
    `Portal bench ${r.startedAt} (${r.tookS.toFixed(0)} s) commit ${m.commit ?? "unknown"}`,
    `${m.cpus} CPUs (${m.cpuModel}), load average ${m.loadAverage.map((l) => l.toFixed(1)).join(" ")} at start, Node ${m.node}`,
  ].join("\n");
  return [
    header,
    wavesSection(r),
    latencySection(r),
    renderSection(r),
    weightSection(r),
    memorySection(r),
    summary(r),
  ].join("\n\n");
}
