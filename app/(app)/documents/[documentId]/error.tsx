"use client";

import { Button } from "@/components/ui/button";

export default function DocumentError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">This document could not be loaded</h1>
      <p className="mt-2 text-stone-600">Something went wrong on our side. Your work is saved; try again.</p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
