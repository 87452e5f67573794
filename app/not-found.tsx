import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href="/documents" className="mt-6 inline-block font-medium underline">
        Go to your documents
      </Link>
    </main>
  );
}
