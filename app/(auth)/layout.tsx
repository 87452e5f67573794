import type { ReactNode } from "react";

import { LanguageMenu } from "@/components/layout/language-menu";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <div className="flex justify-end px-4 pt-4">
        <LanguageMenu />
      </div>
      <main className="flex min-h-[calc(100vh-3rem)] items-center justify-center px-4 py-12">
        <div className="w-full max-w-sm rounded-xl border border-stone-200 bg-white p-8 shadow-sm">{children}</div>
      </main>
    </>
  );
}
