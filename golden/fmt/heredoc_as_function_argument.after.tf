locals {
  padded = format(<<EOT
%s-%s
EOT
  , "a", "b")
}
