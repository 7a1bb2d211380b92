/* lectern-token.h: the GitHub token, in the desktop's keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One token per GitHub (the API's URL; NULL: github.com) */
void      lectern_token_lookup_async  (const char          *api_url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* The token, or NULL (and no error) when the keyring has none */
char     *lectern_token_lookup_finish (GAsyncResult        *result,
                                       GError             **error);
void      lectern_token_store_async   (const char          *api_url,
                                       const char          *token,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  lectern_token_store_finish  (GAsyncResult        *result,
                                       GError             **error);
void      lectern_token_clear_async   (const char          *api_url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  lectern_token_clear_finish  (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
