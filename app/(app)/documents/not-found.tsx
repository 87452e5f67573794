import Link from "next/link";

export default function DocumentNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Document not found</h1>
      <p className="mt-2 text-stone-600">It does not exist, or it belongs to a team you are not in.</p>
      <Link href="/documents" className="mt-6 inline-block font-medium underline">
        Back to your documents
      </Link>
    </main>
  );
}
