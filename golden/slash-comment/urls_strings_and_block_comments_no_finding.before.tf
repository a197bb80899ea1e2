# see https://developer.hashicorp.com/terraform
locals {
  url  = "https://example.com//path" # a url
  sum  = 1 /* one */ + 2
  text = <<-EOT
    // not a comment: heredoc text
  EOT
}
/* a block
   over lines */
