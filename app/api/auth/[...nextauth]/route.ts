// GET/POST /api/auth/* — Auth.js endpoints (credentials sign-in, rate-limited; OAuth sign-in and callbacks; sign-out; session; CSRF token)
export { GET, POST } from "@/lib/auth/route-handlers";
