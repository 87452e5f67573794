import { signInWithProviderAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

/** One "Continue with …" button per OAuth/OIDC provider switched on in the environment; nothing when none is. */
export function OAuthSignInButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-3">
      <p className="flex items-center gap-3 text-xs text-stone-500 uppercase before:h-px before:flex-1 before:bg-stone-200 after:h-px after:flex-1 after:bg-stone-200">
        or
      </p>
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {provider.name}
          </Button>
        </form>
      ))}
    </div>
  );
}
