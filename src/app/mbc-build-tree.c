/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Running from the build tree (./run, or build/src/mbc-advisor as the README says), the
 * application uses the settings schema compiled in the build and the user guide in the
 * source tree, as an installed copy uses the installed ones: preferences are kept and F1
 * opens the guide. An installed binary is never the build tree's, so none of this applies
 * to it.
 */
#define G_LOG_DOMAIN "mbc-build-tree"

#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "mbc-build-tree.h"

static gboolean in_build_tree;

static gboolean
build_tree_is_build_tree_executable (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char built[PATH_MAX];

  return self != NULL && realpath (MBC_BUILD_EXECUTABLE, built) != NULL &&
         strcmp (self, built) == 0;
}

/**
 * mbc_build_tree_setup:
 *
 * Call first thing in main(), before any settings are read. When this process is the
 * build tree's executable, points GSettings at the build's compiled schema (unless
 * GSETTINGS_SCHEMA_DIR is set already: a test may point it elsewhere on purpose).
 *
 * Returns: whether this process runs from the build tree.
 */
gboolean
mbc_build_tree_setup (void)
{
  in_build_tree = build_tree_is_build_tree_executable ();
  if (in_build_tree)
    g_setenv ("GSETTINGS_SCHEMA_DIR", MBC_BUILD_SCHEMA_DIR, FALSE);
  return in_build_tree;
}

/**
 * mbc_build_tree_help_uri:
 *
 * Returns: (transfer full): the URI that opens the user guide in the help viewer: the
 * installed guide's, or the source tree's pages when running from the build tree.
 */
char *
mbc_build_tree_help_uri (void)
{
  if (in_build_tree)
    return g_strconcat ("ghelp:", MBC_SOURCE_HELP_DIR, "/", NULL);
  return g_strdup ("help:" APPLICATION_ID);
}
