"use client";

export { VersionsError as default } from "@/components/versions/versions-error";
