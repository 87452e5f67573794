import { getTranslations } from "next-intl/server";

import { signInWithProviderAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

/** One "Continue with …" button per OAuth/OIDC provider switched on in the environment; nothing when none is. */
export async function OAuthSignInButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  const t = await getTranslations("auth.oauth");
  return (
    <div className="mt-6 flex flex-col gap-3">
      <p className="flex items-center gap-3 text-xs text-stone-500 uppercase before:h-px before:flex-1 before:bg-stone-200 after:h-px after:flex-1 after:bg-stone-200">
        {t("or")}
      </p>
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full">
            {t("continueWith", { provider: provider.name })}
          </Button>
        </form>
      ))}
    </div>
  );
}
