/* lectern-big-workshop.c: writes a large synthetic workshop file
 *
 * usage: lectern-big-workshop FILE N_PEOPLE N_SLOTS N_SPONSORS
 *
 * For the tests that need a long export (tests/test-crash.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "lectern-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;

  if (argc != 5)
    {
      g_printerr ("usage: lectern-big-workshop FILE N_PEOPLE N_SLOTS N_SPONSORS\n");
      return 2;
    }

  store = lectern_test_create_big (argv[1], atoi (argv[2]), atoi (argv[3]), atoi (argv[4]), &error);
  if (store == NULL)
    {
      g_printerr ("lectern-big-workshop: %s\n", error->message);
      return 1;
    }

  return 0;
}
