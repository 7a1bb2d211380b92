/* lectern-token.c: the GitHub token, in the desktop's keyring
 *
 * The token is kept by the Secret Service (libsecret: GNOME Keyring,
 * KWallet), never in the workshop file, which colleagues share, and
 * never in GSettings. It is keyed by the API it is for, so one token
 * serves every repository the organizer publishes to on that GitHub.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lectern-github-client.h"
#include "lectern-token.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.lectern.Lectern.GitHubToken", SECRET_SCHEMA_NONE,
    {
      { "api", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static const char *
api_or_default (const char *api_url)
{
  return api_url != NULL && *api_url != '\0' ? api_url : LECTERN_GITHUB_API_URL;
}

void
lectern_token_lookup_async (const char          *api_url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  secret_password_lookup (token_schema (), cancellable, callback, user_data,
                          "api", api_or_default (api_url), NULL);
}

char *
lectern_token_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autofree char *token = secret_password_lookup_finish (result, error);

  /* a copy outside libsecret's non-pageable memory, freed with g_free */
  return token != NULL ? g_strdup (token) : NULL;
}

void
lectern_token_store_async (const char          *api_url,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GUri) uri = g_uri_parse (api_or_default (api_url), G_URI_FLAGS_NONE, NULL);
  g_autofree char *label = g_strdup_printf (_("GitHub token for Lectern (%s)"),
                                            uri != NULL && g_uri_get_host (uri) != NULL
                                            ? g_uri_get_host (uri) : api_or_default (api_url));

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, callback, user_data,
                         "api", api_or_default (api_url), NULL);
}

gboolean
lectern_token_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
lectern_token_clear_async (const char          *api_url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  secret_password_clear (token_schema (), cancellable, callback, user_data,
                         "api", api_or_default (api_url), NULL);
}

gboolean
lectern_token_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(GError) local = NULL;

  /* FALSE and no error: there was none to clear */
  if (!secret_password_clear_finish (result, &local) && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  return TRUE;
}
