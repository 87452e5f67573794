import { z } from "zod";

// Zod 4 probes whether it may compile parsers with `new Function("")`. In the browser, Margin's CSP forbids
// eval, so the probe itself is reported as a CSP violation even though zod catches the error. `jitless` skips
// the probe (and the compiled fast path, which the browser's small parses do not need). Imported once, early,
// by the client providers (app/providers.tsx); server code keeps zod's default.
z.config({ jitless: true });
