/* lectern-publisher.h: publish a workshop's site, wherever it goes
 *
 * One interface over the two ways (straight to GitHub, or through a
 * local clone), for the app and the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-publish-result.h"
#include "lectern-publish-target.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PUBLISHER (lectern_publisher_get_type ())

G_DECLARE_FINAL_TYPE (LecternPublisher, lectern_publisher, LECTERN, PUBLISHER, GObject)

/* Signals:
 *   progress (const char *step)
 * @token: for GitHub (not kept beyond the publisher's life)
 */
LecternPublisher     *lectern_publisher_new            (LecternStore               *store,
                                                        const LecternPublishTarget *target,
                                                        const char                 *token);
const LecternPublishTarget *lectern_publisher_get_target (LecternPublisher         *self);
void                  lectern_publisher_publish_async  (LecternPublisher           *self,
                                                        LecternPublishFlags         flags,
                                                        GCancellable               *cancellable,
                                                        GAsyncReadyCallback         callback,
                                                        gpointer                    user_data);
LecternPublishResult *lectern_publisher_publish_finish (LecternPublisher           *self,
                                                        GAsyncResult               *result,
                                                        GError                    **error);

G_END_DECLS
