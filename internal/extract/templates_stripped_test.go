package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The earlier rounds' pages run again with every class, id, role,
// aria-label and data-* attribute taken out (stripNames), as on a site
// whose names are all generated: what is left to decide by is tags, text,
// links and shape. Each test states what it leaves out and why.

// runPageCasesWithoutNames checks each case on its page with the names
// stripped; edit, when not nil, takes out of a copy of the case what only
// names can tell.
func runPageCasesWithoutNames(t *testing.T, cases []pageCase, edit func(*pageCase)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(strings.TrimSuffix(tc.file, ".html"), func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			art, err := FromHTML(stripNames(t, page), tc.url)
			if err != nil {
				t.Fatal(err)
			}
			if edit != nil {
				edit(&tc)
			}
			checkPage(t, tc, art)
		})
	}
}

// TestBoilerplateWithoutNames runs the first round's pages without names.
func TestBoilerplateWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, boilerplateCases, nil)
}

// TestTemplatesWithoutNames runs the CMS template pages without names.
func TestTemplatesWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, templateCases, nil)
}

// TestTemplateStacksWithoutNames runs the publishing-stack pages without
// names.
func TestTemplateStacksWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, stackCases, nil)
}

// TestGenresWithoutNames runs the genre pages without names.
func TestGenresWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, genreCases, nil)
}

// TestBoundsWithoutNames runs the boundary pages without names.
func TestBoundsWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, boundsCases, nil)
}

// TestDensityWithoutNames runs the density pages without names.
func TestDensityWithoutNames(t *testing.T) {
	runPageCasesWithoutNames(t, densityCases, nil)
}
