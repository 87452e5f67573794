// GET/POST /api/auth/* — Auth.js endpoints (sign-in callback, sign-out, session, CSRF token)
export { GET, POST } from "@/lib/auth/route-handlers";
