# The rehearsal rewrites this line in every commit it pushes.
VERSION = "initial"
