resource "aws_iam_policy" "p" {
  policy = <<END_OF_POLICY
{"Statement": []}
END_OF_POLICY
  script = <<-SCRIPT-WITH-DASH
    #!/bin/bash
    echo "hi" // not a comment
    /* not a comment either */
  SCRIPT-WITH-DASH
  lower = <<eot
EOT is not the end
eot
  unicode = <<FIN_é
text
FIN_é
  closing_spaces = <<-EOT
    body
      EOT    
  marker_like = <<EOT
EOTX
 EOTY
xEOT
EOT
}
