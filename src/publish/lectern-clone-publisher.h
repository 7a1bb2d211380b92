/* lectern-clone-publisher.h: publish through a local clone of the site
 *
 * Exports into the clone, `git add`s exactly the files Lectern wrote,
 * commits them alone (other changes in the clone are left as they
 * were) with a message saying what changed, and pushes: git runs as a
 * child process (GSubprocess), so the repository's own hooks and
 * credential helpers apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-publish-result.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CLONE_PUBLISHER (lectern_clone_publisher_get_type ())

G_DECLARE_FINAL_TYPE (LecternClonePublisher, lectern_clone_publisher, LECTERN, CLONE_PUBLISHER, GObject)

/* Signals:
 *   progress (const char *step): a sentence for each step
 *     ("Exporting…", "Committing 3 files…", "Pushing to origin/main…")
 */
LecternClonePublisher *lectern_clone_publisher_new            (LecternStore          *store,
                                                               const char            *clone_dir);
const char            *lectern_clone_publisher_get_clone_dir  (LecternClonePublisher *self);
void                   lectern_clone_publisher_publish_async  (LecternClonePublisher *self,
                                                               LecternPublishFlags    flags,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
LecternPublishResult  *lectern_clone_publisher_publish_finish (LecternClonePublisher *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);

G_END_DECLS
