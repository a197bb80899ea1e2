data "archive_file" "deps" {
  type        = "zip"
  source_dir  = "${path.module}/lambda \"x\""
  output_path = "${path.module}/lambda \"x\"/out%%{n}.zip"
  excludes    = ["out%%{n}.zip"]
}

resource "aws_lambda_layer_version" "deps" {
  layer_name = "deps"
  filename   = data.archive_file.deps.output_path
}
