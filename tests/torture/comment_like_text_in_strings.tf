locals {
  url    = "https://example.com/#anchor" # real comment
  glob   = "/*.txt" // real comment
  hash   = "#not-a-comment"
  slash  = "//not-a-comment"
  star   = "/* not a comment */"
  doc    = <<EOT
# not a comment
// not a comment
/* not a comment */
EOT
  interp = "${"#"}${"//"}${"/*"}" /* real */
}
