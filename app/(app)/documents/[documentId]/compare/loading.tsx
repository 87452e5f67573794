export { VersionsLoading as default } from "@/components/versions/versions-loading";
