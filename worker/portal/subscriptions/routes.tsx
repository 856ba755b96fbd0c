/** Subscription routes under `/p/subscriptions/:id/…`. Handlers live per feature. */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { acceptRetention, cancelPage, cancelSubscription, renewSubscription } from "./cancel-routes";
import { pausePage, pauseSubscription, resumeSubscription } from "./pause-routes";
import { applyChange, confirmChangePage, updatePlanPage } from "./update-routes";

export const subscriptionRoutes = new Hono<AppEnv>();

subscriptionRoutes.get("/:id/update", updatePlanPage);
subscriptionRoutes.get("/:id/update/confirm", confirmChangePage);
subscriptionRoutes.post("/:id/update/confirm", applyChange);
subscriptionRoutes.get("/:id/cancel", cancelPage);
subscriptionRoutes.post("/:id/cancel", cancelSubscription);
subscriptionRoutes.post("/:id/retention", acceptRetention);
subscriptionRoutes.post("/:id/renew", renewSubscription);
subscriptionRoutes.get("/:id/pause", pausePage);
subscriptionRoutes.post("/:id/pause", pauseSubscription);
subscriptionRoutes.post("/:id/resume", resumeSubscription);
